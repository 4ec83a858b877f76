package be.spil.lending;

import be.spil.shared.AssetSection;
import be.spil.shared.Caller;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lending on an asset's page: the device pool it belongs to, and for the ICT team the pupil who has it now as a 1:1
 * device (pupils' names only for those who manage lending). Not shown when the asset is in no pool and not lent.
 */
@Component
class LendingAssetSection implements AssetSection {
    private final JdbcClient jdbc;

    LendingAssetSection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The 1:1 loan of the asset now: the pupil and since when. */
    record Loan(String pupil, LocalDate since) {}

    /** The pool of the asset. */
    record PoolRef(long id, String name) {}

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String template() {
        return "lending/asset-section";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> values(long schoolId, long assetId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            return Map.of();
        }
        var values = new LinkedHashMap<String, Object>();
        jdbc.sql("""
                select p.id, p.name from pool_device d join device_pool p on p.id = d.pool_id
                where d.asset_id = :asset and p.school_id = :school""")
            .param("asset", assetId).param("school", schoolId)
            .query((rs, n) -> new PoolRef(rs.getLong("id"), rs.getString("name"))).optional()
            .ifPresent(p -> values.put("pool", p));
        if (Pools.canManage(caller, schoolId)) {
            jdbc.sql("""
                    select pe.first_name, pe.last_name, l.handed_over_on from device_loan l join person pe on pe.id = l.pupil_id
                    where l.asset_id = :asset and l.school_id = :school and l.returned_on is null
                    order by l.handed_over_on desc""")
                .param("asset", assetId).param("school", schoolId)
                .query((rs, n) -> new Loan(rs.getString("first_name") + " " + rs.getString("last_name"),
                    rs.getObject("handed_over_on", LocalDate.class)))
                .list().stream().findFirst().ifPresent(l -> values.put("loan", l));
        }
        return values;
    }
}
