/**
 * What a library may throw to choose the reply a client gets, without depending on the server: the only type of
 * {@code kalisocket-errors}. The database module depends on this artifact alone.
 */
package io.kalisocket.errors;
