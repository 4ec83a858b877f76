package be.spil.team;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A task's division in a school year: the task's code, a responsible member of that year's team (or none yet),
 * backups, level, funding source and estimated hours per year (0 to 2,000).
 */
public record AssignmentForm(
    @NotBlank @Size(max = 20) String task,
    Long responsible,
    @Size(max = 20) List<Long> backups,
    @NotNull Level level,
    @NotNull FundingSource funding,
    @NotNull @DecimalMin("0") @DecimalMax("2000") Double hours,
    Integer version) {}
