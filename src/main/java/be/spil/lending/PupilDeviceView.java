package be.spil.lending;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A 1:1 device lent to a pupil for a school year; {@code returnedOn} null while it is out. */
public record PupilDeviceView(long id, long pupilId, String pupil, String group, long assetId, String tag, String model, String serial,
                              String accessories, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal deposit, String schoolYear,
                              LocalDate handedOverOn, LocalDate returnedOn, Condition returnCondition, String note, int version) {}
