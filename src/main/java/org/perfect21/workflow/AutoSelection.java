package org.perfect21.workflow;

import java.util.List;

import org.perfect21.agent.InstructionTemplates.Template;

/**
 * A phase that chooses its agents when a run is planned ({@code agents: {auto: ...}}) instead of listing them: how many
 * by the task's complexity, which by the task's relevance to each candidate and the candidates' history.
 *
 * @param task       the text to classify and rank by: a template over the run's parameters only
 * @param taskText   the task as written
 * @param from       where the candidates come from, as written
 * @param counts     how many agents each complexity chooses, {@code always} included
 * @param always     agents chosen whatever the task, in the order written
 * @param rules      the workflow's own complexity keywords ({@link Rules#NONE} when it keeps the configured ones)
 * @param candidates every agent that may be chosen (the pool and the {@code always} agents) in library order, each
 *                   prepared with the phase's instruction as a listed agent is
 */
public record AutoSelection(Template task, String taskText, From from, Counts counts, List<String> always, Rules rules,
                            List<PreparedAgent> candidates) {

    /**
     * The pool as written: a category, a list of agent names, or neither (the whole library).
     *
     * @param category the category its agents have, or null
     * @param agents   the agents named, empty unless listed
     */
    public record From(String category, List<String> agents) {

        public static final From LIBRARY = new From(null, List.of());

        public boolean isLibrary() {
            return category == null && agents.isEmpty();
        }
    }

    /** Agents chosen for a simple, a standard and a complex task. */
    public record Counts(int simple, int standard, int complex) {

        public static final Counts DEFAULTS = new Counts(4, 6, 8);

        public int of(Complexity complexity) {
            return switch (complexity) {
                case SIMPLE -> simple;
                case STANDARD -> standard;
                case COMPLEX -> complex;
            };
        }

        public int largest() {
            return Math.max(simple, Math.max(standard, complex));
        }

        public int smallest() {
            return Math.min(simple, Math.min(standard, complex));
        }
    }

    /**
     * A workflow's complexity keywords: a level given replaces the configured keywords of that level, a level left
     * out (null) keeps them.
     */
    public record Rules(List<String> complex, List<String> simple) {

        public static final Rules NONE = new Rules(null, null);
    }

    /** The candidate of this name, or null. */
    public PreparedAgent candidate(String name) {
        return candidates.stream().filter(agent -> agent.name().equals(name)).findFirst().orElse(null);
    }

    public List<String> candidateNames() {
        return candidates.stream().map(PreparedAgent::name).toList();
    }
}
