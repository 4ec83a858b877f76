package be.spil.shared;

import java.util.List;

/**
 * Who carries a task of the ICT team at a school, for modules that route work to people (the helpdesk gives a new
 * ticket to whoever carries first-line help) without depending on the module that divides the tasks (team). Absent
 * when no module provides it.
 */
public interface TaskCarriers {
    /** The catalog code of first-line help (eerstelijnshulp); the team module ships it and never changes it. */
    String FIRST_LINE_HELP = "T04";

    /**
     * The people who carry the task in the current school year, in the order to ask them: the responsible first, then
     * the backups. Members who are an organisation are left out. Empty when the task is not divided this year.
     */
    List<Long> people(long schoolId, String taskCode);
}
