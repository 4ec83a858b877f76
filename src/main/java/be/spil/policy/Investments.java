package be.spil.policy;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.inventory.AssetCategory;
import be.spil.inventory.InventorySummary;
import be.spil.school.SchoolCalendar;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The multi-year investment plan of a school (its period and budget lines, planned and spent) and the replacement
 * forecast from the inventory with the school's lifecycles. Read: everybody of the school; write: ICT coordinators,
 * directors, central admins. Money is exact (two decimals), never negative; a year outside the plan is refused.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class Investments {
    static final String LINE_AUDIT_TYPE = "budget-line";
    static final String PLAN_AUDIT_TYPE = "investment-plan";
    static final String LIFECYCLE_AUDIT_TYPE = "lifecycle";
    static final String MODEL_PRICE_AUDIT_TYPE = "model-price";
    /** Models listed for a price: the ones the school has most devices of. */
    static final int MAX_MODELS = 50;
    public static final int MAX_YEARS = 10;

    /** The plan's period: school years starting in {@code firstYear} … {@code firstYear + years - 1}. */
    public record Period(@NotNull @Min(1990) @Max(2200) Integer firstYear, @NotNull @Min(1) @Max(MAX_YEARS) Integer years,
                         Integer version) {}

    public record Line(long id, int year, String schoolYear, BudgetCategory category, BudgetFunding funding, String description,
                       BigDecimal planned, BigDecimal spent, int version, Instant updatedAt, String updatedBy) {}

    public record LineForm(@NotNull Integer year, @NotNull BudgetCategory category, @NotNull BudgetFunding funding,
                           @Size(max = 300) String description,
                           @NotNull @DecimalMin("0") @DecimalMax("99999999.99") @Digits(integer = 8, fraction = 2) BigDecimal planned,
                           @DecimalMin("0") @DecimalMax("99999999.99") @Digits(integer = 8, fraction = 2) BigDecimal spent,
                           Integer version) {}

    /** A model the school has devices of, with the price of a new one when the school set it (null: not set). */
    public record ModelPrice(long modelId, String manufacturer, String name, AssetCategory category, long devices,
                             BigDecimal averagePaid, BigDecimal price) {}

    /** The price of a new device of a model; empty removes it. */
    public record ModelPriceForm(@DecimalMin("0") @DecimalMax("999999.99") @Digits(integer = 6, fraction = 2) BigDecimal price) {}

    public record LifecycleForm(@NotNull @Min(1) @Max(Lifecycle.MAX_YEARS) Integer years,
                                @DecimalMin("0") @DecimalMax("999999.99") @Digits(integer = 6, fraction = 2) BigDecimal price) {}

    /** The plan with its lines and, per school year, the planned and spent totals. */
    public record Plan(int firstYear, int years, Integer version, boolean saved, List<Line> lines,
                       Map<String, BigDecimal> plannedPerYear, Map<String, BigDecimal> spentPerYear) {}

    private final JdbcClient jdbc;
    private final InventorySummary inventory;
    private final SchoolCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;

    Investments(JdbcClient jdbc, InventorySummary inventory, SchoolCalendar calendar, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.inventory = inventory;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** The year the current school year starts in (from the calendar, else 1 September as the turn). */
    int currentYear() {
        return calendar.currentSchoolYear().map(y -> y.startDate().getYear()).orElseGet(() -> {
            var today = LocalDate.now(clock);
            return today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        });
    }

    public Plan plan(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        var period = jdbc.sql("select first_year, years, version from policy_investment where school_id = :s").param("s", schoolId)
            .query((rs, n) -> new Period(rs.getInt(1), rs.getInt(2), rs.getInt(3))).optional();
        int first = period.map(Period::firstYear).orElse(currentYear());
        int years = period.map(Period::years).orElse(5);
        var lines = jdbc.sql("select * from policy_budget_line where school_id = :s and not archived order by start_year, category, id")
            .param("s", schoolId).query((rs, n) -> line(rs)).list();
        Map<String, BigDecimal> planned = new LinkedHashMap<>();
        Map<String, BigDecimal> spent = new LinkedHashMap<>();
        for (int y = first; y < first + years; y++) {
            planned.put(name(y), BigDecimal.ZERO.setScale(2));
            spent.put(name(y), BigDecimal.ZERO.setScale(2));
        }
        for (var line : lines) {
            planned.merge(line.schoolYear(), line.planned(), BigDecimal::add);
            if (line.spent() != null) {
                spent.merge(line.schoolYear(), line.spent(), BigDecimal::add);
            }
        }
        return new Plan(first, years, period.map(Period::version).orElse(null), period.isPresent(), lines, planned, spent);
    }

    @Transactional
    public Plan setPeriod(long schoolId, @Valid Period period, Caller caller) {
        caller.requireManage(schoolId);
        var before = plan(schoolId, caller);
        int last = period.firstYear() + period.years() - 1;
        var outside = before.lines().stream().filter(l -> l.year() < period.firstYear() || l.year() > last).findFirst();
        if (outside.isPresent()) {
            throw FieldErrorsException.of("firstYear", "policy.investment.linesOutside", outside.get().schoolYear());
        }
        Instant now = clock.instant();
        if (before.saved()) {
            StaleVersionException.check(period.version(), before.version(), null, null,
                () -> Map.of("firstYear", name(before.firstYear()), "years", String.valueOf(before.years())));
            jdbc.sql("update policy_investment set first_year = :f, years = :y, version = version + 1, updated_at = :at, updated_by = :by "
                    + "where school_id = :s")
                .param("f", period.firstYear()).param("y", period.years()).param("at", Timestamp.from(now))
                .param("by", Caller.currentActor()).param("s", schoolId).update();
        } else {
            jdbc.sql("insert into policy_investment (school_id, first_year, years, version, updated_at, updated_by) "
                    + "values (:s, :f, :y, 0, :at, :by)")
                .param("f", period.firstYear()).param("y", period.years()).param("at", Timestamp.from(now))
                .param("by", Caller.currentActor()).param("s", schoolId).update();
        }
        audit.record(PLAN_AUDIT_TYPE, schoolId, schoolId, before.saved() ? Action.UPDATED : Action.CREATED,
            name(period.firstYear()) + " +" + period.years(),
            before.saved() ? Map.of("firstYear", name(before.firstYear()), "years", String.valueOf(before.years())) : Map.of(),
            Map.of("firstYear", name(period.firstYear()), "years", String.valueOf(period.years())));
        return plan(schoolId, caller);
    }

    @Transactional
    public Line addLine(long schoolId, @Valid LineForm form, Caller caller) {
        caller.requireManage(schoolId);
        requireInPlan(schoolId, form.year(), caller);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into policy_budget_line (school_id, start_year, category, funding, description, planned, spent, version, updated_at, updated_by)
                values (:s, :y, :c, :f, :d, :p, :sp, 0, :at, :by)""")
            .param("s", schoolId).param("y", form.year()).param("c", form.category().name()).param("f", form.funding().name())
            .param("d", clean(form.description())).param("p", form.planned()).param("sp", form.spent())
            .param("at", Timestamp.from(clock.instant())).param("by", Caller.currentActor())
            .update(keys, "id");
        var line = line(schoolId, keys.getKey().longValue());
        audit.record(LINE_AUDIT_TYPE, line.id(), schoolId, Action.CREATED, line.schoolYear() + " " + line.category(), Map.of(),
            auditView(line));
        return line;
    }

    @Transactional
    public Line updateLine(long schoolId, long id, @Valid LineForm form, Caller caller) {
        caller.requireManage(schoolId);
        var before = line(schoolId, id);
        StaleVersionException.check(form.version(), before.version(), before.updatedBy(), before.updatedAt(), () -> auditView(before));
        requireInPlan(schoolId, form.year(), caller);
        jdbc.sql("""
                update policy_budget_line set start_year = :y, category = :c, funding = :f, description = :d, planned = :p, spent = :sp,
                  version = version + 1, updated_at = :at, updated_by = :by where id = :id""")
            .param("y", form.year()).param("c", form.category().name()).param("f", form.funding().name())
            .param("d", clean(form.description())).param("p", form.planned()).param("sp", form.spent())
            .param("at", Timestamp.from(clock.instant())).param("by", Caller.currentActor()).param("id", id).update();
        var after = line(schoolId, id);
        audit.record(LINE_AUDIT_TYPE, id, schoolId, Action.UPDATED, after.schoolYear() + " " + after.category(), auditView(before),
            auditView(after));
        return after;
    }

    @Transactional
    public void archiveLine(long schoolId, long id, Caller caller) {
        caller.requireManage(schoolId);
        var line = line(schoolId, id);
        jdbc.sql("update policy_budget_line set archived = true, version = version + 1 where id = :id").param("id", id).update();
        audit.record(LINE_AUDIT_TYPE, id, schoolId, Action.ARCHIVED, line.schoolYear() + " " + line.category(), auditView(line), Map.of());
    }

    public List<Lifecycle> lifecycles(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        var own = ownLifecycles(schoolId);
        return java.util.Arrays.stream(AssetCategory.values())
            .map(c -> own.getOrDefault(c, Lifecycle.defaultFor(c))).toList();
    }

    @Transactional
    public Lifecycle setLifecycle(long schoolId, AssetCategory category, @Valid LifecycleForm form, Caller caller) {
        caller.requireManage(schoolId);
        var before = lifecycles(schoolId, caller).stream().filter(l -> l.category() == category).findFirst().orElseThrow();
        jdbc.sql("delete from policy_lifecycle where school_id = :s and category = :c").param("s", schoolId)
            .param("c", category.name()).update();
        jdbc.sql("insert into policy_lifecycle (school_id, category, years, price) values (:s, :c, :y, :p)")
            .param("s", schoolId).param("c", category.name()).param("y", form.years()).param("p", form.price()).update();
        var after = new Lifecycle(category, form.years(), form.price(), true);
        audit.record(LIFECYCLE_AUDIT_TYPE, schoolId + "-" + category, schoolId, Action.UPDATED, category.name(),
            Map.of("years", String.valueOf(before.years()), "price", String.valueOf(before.price())),
            Map.of("years", String.valueOf(after.years()), "price", String.valueOf(after.price())));
        return after;
    }

    /** The models the school has most devices of (at most {@value #MAX_MODELS}), with the price the school set for a new one. */
    public List<ModelPrice> modelPrices(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        var prices = ownModelPrices(schoolId);
        return inventory.modelsInUse(schoolId, MAX_MODELS, caller).stream().map(m -> new ModelPrice(m.modelId(), m.manufacturer(),
            m.name(), m.category(), m.devices(), m.averagePrice(), prices.get(m.modelId()))).toList();
    }

    /** Sets (or, without a price, removes) the price of a new device of a model the school has devices of. */
    @Transactional
    public ModelPrice setModelPrice(long schoolId, long modelId, @Valid ModelPriceForm form, Caller caller) {
        caller.requireManage(schoolId);
        var model = inventory.modelInUse(schoolId, modelId, caller).orElseThrow(() -> new NotFoundException("model", modelId));
        var before = ownModelPrices(schoolId).get(modelId);
        jdbc.sql("delete from policy_model_price where school_id = :s and model_id = :m").param("s", schoolId).param("m", modelId).update();
        if (form.price() != null) {
            jdbc.sql("insert into policy_model_price (school_id, model_id, price) values (:s, :m, :p)")
                .param("s", schoolId).param("m", modelId).param("p", form.price()).update();
        }
        audit.record(MODEL_PRICE_AUDIT_TYPE, schoolId + "-" + modelId, schoolId, Action.UPDATED, model.manufacturer() + " " + model.name(),
            java.util.Collections.singletonMap("price", before == null ? null : before.toPlainString()),
            java.util.Collections.singletonMap("price", form.price() == null ? null : form.price().toPlainString()));
        return new ModelPrice(modelId, model.manufacturer(), model.name(), model.category(), model.devices(), model.averagePrice(),
            form.price());
    }

    private Map<Long, BigDecimal> ownModelPrices(long schoolId) {
        Map<Long, BigDecimal> prices = new HashMap<>();
        jdbc.sql("select model_id, price from policy_model_price where school_id = :s").param("s", schoolId)
            .query((rs, n) -> prices.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return prices;
    }

    /** The replacement forecast of a school for {@code years} school years from the current one, with its budget. */
    public ReplacementForecast.Result forecast(long schoolId, int years, Caller caller) {
        requireSee(schoolId, caller);
        int n = checkYears(years);
        Map<Integer, Map<BudgetCategory, BigDecimal>> budget = new HashMap<>();
        jdbc.sql("""
                select start_year, category, sum(planned) from policy_budget_line
                where school_id = :s and not archived and category in ('DEVICES', 'NETWORK') group by start_year, category""")
            .param("s", schoolId)
            .query((rs, i) -> budget.computeIfAbsent(rs.getInt(1), k -> new EnumMap<>(BudgetCategory.class))
                .put(BudgetCategory.valueOf(rs.getString(2)), rs.getBigDecimal(3)))
            .list();
        return ReplacementForecast.compute(inventory.cohorts(schoolId, caller), ownLifecycles(schoolId), ownModelPrices(schoolId),
            currentYear(), n, budget);
    }

    /**
     * The total cost of ownership per device category in the current school year: purchase spread over the lifecycle,
     * licences shared over the devices they are installed on, repairs of the last twelve months.
     */
    public Tco.Result tco(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        int year = currentYear();
        return Tco.compute(year, inventory.cohorts(schoolId, caller), ownLifecycles(schoolId),
            inventory.licenceCosts(schoolId, LocalDate.of(year, 9, 1), LocalDate.of(year + 1, 8, 31), caller),
            inventory.installationsByCategory(schoolId, caller),
            inventory.repairsSince(schoolId, clock.instant().minus(java.time.Duration.ofDays(365)), caller));
    }

    /** The forecast of the whole school group (central admins), with Spil's default lifecycles and all budgets. */
    public ReplacementForecast.Result groupForecast(int years, Caller caller) {
        caller.requireCentralAdmin();
        int n = checkYears(years);
        Map<Integer, Map<BudgetCategory, BigDecimal>> budget = new HashMap<>();
        jdbc.sql("""
                select start_year, category, sum(planned) from policy_budget_line
                where not archived and category in ('DEVICES', 'NETWORK') group by start_year, category""")
            .query((rs, i) -> budget.computeIfAbsent(rs.getInt(1), k -> new EnumMap<>(BudgetCategory.class))
                .put(BudgetCategory.valueOf(rs.getString(2)), rs.getBigDecimal(3)))
            .list();
        return ReplacementForecast.compute(inventory.cohorts(null, caller), Map.of(), Map.of(), currentYear(), n, budget);
    }

    private static int checkYears(int years) {
        if (years < 1 || years > MAX_YEARS) {
            throw FieldErrorsException.of("years", "policy.forecast.years", MAX_YEARS);
        }
        return years;
    }

    private Map<AssetCategory, Lifecycle> ownLifecycles(long schoolId) {
        Map<AssetCategory, Lifecycle> own = new EnumMap<>(AssetCategory.class);
        jdbc.sql("select category, years, price from policy_lifecycle where school_id = :s").param("s", schoolId)
            .query((rs, n) -> own.put(AssetCategory.valueOf(rs.getString(1)),
                new Lifecycle(AssetCategory.valueOf(rs.getString(1)), rs.getInt(2), rs.getBigDecimal(3), true)))
            .list();
        return own;
    }

    private void requireInPlan(long schoolId, int year, Caller caller) {
        var plan = plan(schoolId, caller);
        if (year < plan.firstYear() || year >= plan.firstYear() + plan.years()) {
            throw FieldErrorsException.of("year", "policy.investment.yearOutside", name(year), name(plan.firstYear()),
                name(plan.firstYear() + plan.years() - 1));
        }
    }

    private Line line(long schoolId, long id) {
        return jdbc.sql("select * from policy_budget_line where id = :id and school_id = :s and not archived")
            .param("id", id).param("s", schoolId).query((rs, n) -> line(rs)).optional()
            .orElseThrow(() -> new NotFoundException("budget line", id));
    }

    private static Line line(ResultSet rs) throws SQLException {
        int year = rs.getInt("start_year");
        var at = rs.getTimestamp("updated_at");
        return new Line(rs.getLong("id"), year, name(year), BudgetCategory.valueOf(rs.getString("category")),
            BudgetFunding.valueOf(rs.getString("funding")), rs.getString("description"), rs.getBigDecimal("planned"),
            rs.getBigDecimal("spent"), rs.getInt("version"), at == null ? null : at.toInstant(), rs.getString("updated_by"));
    }

    private static Map<String, String> auditView(Line line) {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("year", line.schoolYear());
        view.put("category", line.category().name());
        view.put("funding", line.funding().name());
        view.put("description", line.description());
        view.put("planned", line.planned().toPlainString());
        view.put("spent", line.spent() == null ? null : line.spent().toPlainString());
        return view;
    }

    static String name(int year) {
        return year + "-" + (year + 1);
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void requireSee(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
    }
}
