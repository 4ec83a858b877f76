/**
 * Automatic inventory: the FusionInventory / OCS Inventory XML protocol and the GLPI agent JSON protocol at
 * {@code /agent} (and {@code /ocsinventory}), per-school agent keys, the hardware details and software agents report,
 * and the view of which machines report. Assets themselves are found or made through {@link be.spil.inventory.AgentAssets}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "school", "directory", "inventory", "audit"})
package be.spil.agents;
