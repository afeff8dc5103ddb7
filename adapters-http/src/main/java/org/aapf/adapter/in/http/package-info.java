/**
 * Inbound HTTP adapter: the Helidon SE routes of the AAPF WebAPI v1 ({@code /api/v1}), their JSON request and
 * response records, bearer-token authentication and the one place where errors become HTTP responses.
 */
package org.aapf.adapter.in.http;
