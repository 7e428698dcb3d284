package org.arxos.compress.bim.internal;

import java.util.Arrays;

import org.arxos.compress.bim.column.MalformedDataException;

/**
 * The building tree as the child counts of its objects in depth-first order: tracks, object by object, which object
 * is the parent and which sibling came before, the reference an id is coded against. Used the same way by the
 * writer and the reader.
 */
final class TreeWalk {

    private String[] ids = new String[16];
    private String[] lastChild = new String[16];
    private int[] remaining = new int[16];
    private int depth = -1;

    /** Moves to the next object in depth-first order; returns its parent's id, or {@code null} for the root. */
    String enter() {
        while (depth >= 0 && remaining[depth] == 0) {
            depth--;
        }
        if (depth < 0) {
            return null;
        }
        remaining[depth]--;
        return ids[depth];
    }

    /** The id the object just entered is coded against: its previous sibling's, else its parent's, else empty. */
    String reference() {
        if (depth < 0) {
            return "";
        }
        return lastChild[depth] != null ? lastChild[depth] : ids[depth];
    }

    /** Records the object just entered, with the number of children that follow it. */
    void record(String id, int children) {
        if (depth >= 0) {
            lastChild[depth] = id;
        }
        if (children > 0) {
            push(id, children);
        }
    }

    /** Fails unless every object announced as a child was read. */
    void expectComplete() {
        while (depth >= 0 && remaining[depth] == 0) {
            depth--;
        }
        if (depth >= 0) {
            throw new MalformedDataException("the tree promises " + remaining[depth] + " more children of '"
                    + ids[depth] + "' than there are objects");
        }
    }

    private void push(String id, int children) {
        depth++;
        if (depth == ids.length) {
            ids = Arrays.copyOf(ids, depth * 2);
            lastChild = Arrays.copyOf(lastChild, depth * 2);
            remaining = Arrays.copyOf(remaining, depth * 2);
        }
        ids[depth] = id;
        lastChild[depth] = null;
        remaining[depth] = children;
    }
}
