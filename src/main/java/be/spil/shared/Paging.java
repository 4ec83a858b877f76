package be.spil.shared;

/** A requested page: number from 0, size from 1 to 500. */
public record Paging(int page, int size) {
    public static final int MAX_SIZE = 500;

    public Paging {
        if (page < 0) {
            throw FieldErrorsException.of("page", "error.page.negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw FieldErrorsException.of("size", "error.size.range", 1, MAX_SIZE);
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
