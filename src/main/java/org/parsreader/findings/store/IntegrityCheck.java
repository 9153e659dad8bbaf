package org.parsreader.findings.store;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides whether stored bytes are an intact document. The store knows nothing of JSON; the
 * findings layer supplies "parses as a findings document". The store always rejects empty files
 * before asking this check.
 */
@FunctionalInterface
public interface IntegrityCheck {
    /** Accepts any non-empty content. */
    IntegrityCheck ANY = content -> Optional.empty();

    /**
     * @return empty if the content is intact, otherwise what is wrong with it (shown to the user).
     *     A runtime exception thrown here counts as "damaged", with the exception as the reason,
     *     except {@link NotForThisVersion}.
     */
    Optional<String> problem(byte[] content);

    /**
     * The same for content that is (or is to become) reader {@code readerId}'s findings; the store
     * always asks this way. By default the reader does not matter; the findings layer checks that
     * the document names this reader.
     */
    default Optional<String> problem(String readerId, byte[] content) {
        return problem(content);
    }

    /**
     * Thrown by a check for content that is intact but written by a newer program this version
     * cannot read: not damaged, so the store neither moves it aside nor writes over it; the
     * operation fails with this message ("update Pars Reader").
     */
    final class NotForThisVersion extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public NotForThisVersion(String message) {
            super(message);
        }
    }

    /** A check from a predicate and the message to show when it fails. */
    static IntegrityCheck of(Predicate<byte[]> intact, String messageWhenNot) {
        return content -> intact.test(content) ? Optional.empty() : Optional.of(messageWhenNot);
    }

}
