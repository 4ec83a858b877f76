package be.spil.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void searchKeysIgnoreCaseAccentsAndExtraSpace() {
        assertThat(Text.searchKey("  Émile   ÇELIK ")).isEqualTo("emile celik");
        assertThat(Text.searchKey("Noël Vandevoorde-Ruß")).isEqualTo("noel vandevoorde-ruß");
        assertThat(Text.searchKey(null)).isEmpty();
    }

    @Test
    void likePatternsEscapeWildcards() {
        assertThat(Text.likePattern("50%_a\\b")).isEqualTo("%50\\%\\_a\\\\b%");
    }
}
