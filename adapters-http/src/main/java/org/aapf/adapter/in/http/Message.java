package org.aapf.adapter.in.http;

/** The {@code {"message": "..."}} body used by errors and by a few success responses. */
record Message(String message) {
}
