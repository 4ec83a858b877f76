/**
 * The inventory: the asset register of each school ({@link be.spil.inventory.Assets}) with the model catalog of the
 * school group, status lifecycle, assignment, purchase and network data, and the history of who had what when.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "school", "directory", "audit"})
package be.spil.inventory;
