/** The use cases an embedding host calls, grouped by resource ({@code Aapf.clusters()}, {@code Aapf.users()}, ...). */
package org.aapf.embedded.usecases;
