package org.aapf.application.port.in;

/**
 * Notes that a user's request reached a notebook through the proxy, so that the idle shutdown counts it as activity.
 * Cheap enough to call for every request: it only remembers the time, in memory.
 */
public interface RecordNotebookActivity {

    /** @param proxyId the notebook's proxy id, as in {@code /proxy/<proxyId>/jupyter} */
    void record(String proxyId);
}
