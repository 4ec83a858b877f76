/**
 * The tiny kernel every module may use: errors that map to HTTP statuses, the caller, roles, paging, text
 * normalisation and the clock.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package be.spil.shared;
