package org.perfect21.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.perfect21.history.RunDocument;
import org.perfect21.workflow.AutoSelection;
import org.perfect21.workflow.Complexity;

/**
 * The keywords that judge a task's complexity: complex when a complex keyword is found, else simple when a simple one
 * is, else standard. A keyword is found at the start of a word, ignoring case, its words apart by any spaces.
 */
final class ComplexityRules {

    /** A keyword of one level, compiled. */
    private record Rule(Complexity complexity, String keyword, Pattern pattern) {
    }

    /** What the rules made of a task, and every keyword found (of both levels). */
    record Judgement(Complexity complexity, List<RunDocument.MatchedRule> matched) {
    }

    private final List<Rule> rules = new ArrayList<>();

    /** The workflow's keywords where it gives a level, the configured ones otherwise. */
    ComplexityRules(AutoSelection.Rules workflow, SelectionProperties.Rules configured) {
        add(Complexity.COMPLEX, workflow.complex() != null ? workflow.complex() : configured.complex());
        add(Complexity.SIMPLE, workflow.simple() != null ? workflow.simple() : configured.simple());
    }

    Judgement judge(String task) {
        List<RunDocument.MatchedRule> matched = new ArrayList<>();
        boolean complex = false;
        boolean simple = false;
        for (Rule rule : rules) {
            if (rule.pattern().matcher(task).find()) {
                matched.add(new RunDocument.MatchedRule(rule.complexity().label(), rule.keyword()));
                complex |= rule.complexity() == Complexity.COMPLEX;
                simple |= rule.complexity() == Complexity.SIMPLE;
            }
        }
        Complexity complexity = complex ? Complexity.COMPLEX : simple ? Complexity.SIMPLE : Complexity.STANDARD;
        return new Judgement(complexity, List.copyOf(matched));
    }

    private void add(Complexity complexity, List<String> keywords) {
        for (String keyword : keywords) {
            if (keyword == null || keyword.isBlank()) {
                continue;
            }
            String words = String.join("\\s+", java.util.Arrays.stream(keyword.strip().split("\\s+")).map(Pattern::quote).toList());
            // Not preceded by a letter or digit: "minor" is not found in "seminormal", "refactor" is in "refactoring".
            Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])" + words, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            rules.add(new Rule(complexity, keyword.strip(), pattern));
        }
    }
}
