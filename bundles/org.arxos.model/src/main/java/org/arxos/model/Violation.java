package org.arxos.model;

/**
 * Why one change of a change set was refused.
 *
 * @param changeIndex the position of the change in its change set, from 0
 * @param targetId    the object or connection the change is about
 * @param rule        the rule it breaks
 * @param message     a sentence naming the object and the problem
 */
public record Violation(int changeIndex, String targetId, Rule rule, String message) {

    @Override
    public String toString() {
        return "change " + changeIndex + " (" + targetId + "): " + rule + ": " + message;
    }
}
