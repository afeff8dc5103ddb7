// Hash routing (#/clusters, #/tokens...): pages change without reloads, and nothing secret ever enters the URL.
import { useEffect, useState } from 'preact/hooks';

export function currentRoute() {
  return window.location.hash.replace(/^#/, '') || '/clusters';
}

export function navigate(route) {
  window.location.hash = route;
}

export function useRoute() {
  const [route, setRoute] = useState(currentRoute());
  useEffect(() => {
    const onChange = () => setRoute(currentRoute());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
