/** Server configuration: the YAML model, its shipped defaults and the environment variables that override it. */
package org.aapf.bootstrap.config;
