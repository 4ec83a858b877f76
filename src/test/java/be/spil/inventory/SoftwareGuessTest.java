package be.spil.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The category of a title an agent reported, from whole words of its name. */
class SoftwareGuessTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        Mozilla Firefox                                  | BROWSER
        Google Chrome                                    | BROWSER
        Microsoft Edge WebView2 Runtime                  | BROWSER
        LibreOffice                                      | OFFICE
        Microsoft 365 Apps for enterprise                | OFFICE
        Microsoft Office Professional Plus 2019          | OFFICE
        Adobe Acrobat Reader DC                          | OFFICE
        GeoGebra Classic                                 | EDUCATIONAL
        Scratch                                          | EDUCATIONAL
        VLC media player                                 | MULTIMEDIA
        Microsoft Defender                               | SECURITY
        Python                                           | DEVELOPMENT
        Microsoft Visual C++ 2015-2022 Redistributable   | DEVELOPMENT
        7-Zip                                            | UTILITY
        KeePass Password Safe                            | OTHER
        Swordfish                                        | OTHER
        gnome-calculator                                 | OTHER
        """)
    void guessesFromWholeWords(String name, SoftwareCategory expected) {
        assertThat(SoftwareGuess.category(name)).isEqualTo(expected);
    }
}
