/**
 * The DoFns, file helpers and sources behind the IO transforms ({@code TextIO}, {@code
 * PeriodicImpulse}) and the clock their readers consult; not API.
 */
package io.runnel.sdk.io.internal;
