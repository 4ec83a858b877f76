/**
 * Device pools (laptop carts, tablet cases) with reservations by lesson period, hand-out and return, calendar feeds,
 * and 1:1 devices for pupils. Public API: {@link be.spil.lending.Pools} and {@link be.spil.lending.Reservations}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "school", "directory", "inventory", "audit", "helpdesk"})
package be.spil.lending;
