package be.spil.demo;

import java.util.List;
import java.util.Random;

/** Common first and last names in Flanders, drawn with a seeded random so every demo database is the same. */
final class FlemishNames {
    record Name(String firstName, String lastName) {}

    static final List<String> FIRST_NAMES = List.of(
        "Lucas", "Noah", "Liam", "Louis", "Arthur", "Jules", "Victor", "Finn", "Mats", "Vic", "Adam", "Leon", "Lars",
        "Wout", "Seppe", "Milan", "Stan", "Kobe", "Warre", "Rune", "Bent", "Siebe", "Jef", "Tuur", "Mohamed", "Elias",
        "Emma", "Olivia", "Louise", "Mila", "Elena", "Lena", "Marie", "Julie", "Nora", "Ella", "Lotte", "Fien", "Hanne",
        "Febe", "Amber", "Noor", "Jana", "Lore", "Eline", "Lien", "Ines", "Yasmine", "Zoë", "Anaïs", "Nina", "Axelle");

    static final List<String> ADULT_FIRST_NAMES = List.of(
        "Jan", "Tom", "Bart", "Koen", "Wim", "Dirk", "Geert", "Kris", "Stijn", "Jeroen", "Joris", "Tim", "Pieter",
        "Steven", "Filip", "Peter", "Johan", "Karel", "Bram", "Yves", "Sofie", "Lies", "An", "Katrien", "Els", "Griet",
        "Ine", "Sarah", "Laura", "Veerle", "Hilde", "Nathalie", "Evelien", "Karen", "Leen", "Annelies", "Tine", "Nele",
        "Sien", "Liesbeth", "Fatima", "Hatice");

    static final List<String> LAST_NAMES = List.of(
        "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet",
        "Vermeulen", "Van den Broeck", "Hermans", "Aerts", "Martens", "De Clercq", "Pauwels", "Van Damme", "Claeys",
        "Michiels", "Verstraete", "Smets", "Stevens", "Lambrechts", "Segers", "Coppens", "Cools", "Vandenberghe",
        "De Backer", "Verhoeven", "Van de Velde", "Hendrickx", "Vermeersch", "Bogaert", "De Wilde", "Vervoort", "Baert",
        "Leysen", "Mortier", "Wuyts", "Van Acker", "Verbeke", "De Vos", "Cuypers", "Thys", "Schepers", "Geerts",
        "Van Hoof", "D'Hondt", "Vandamme", "El Amrani", "Yilmaz", "Kowalski", "Nguyen", "Bulut", "Öztürk");

    private final Random random;

    FlemishNames(long seed) {
        this.random = new Random(seed);
    }

    Name child() {
        return new Name(pick(FIRST_NAMES), pick(LAST_NAMES));
    }

    Name adult() {
        return new Name(pick(ADULT_FIRST_NAMES), pick(LAST_NAMES));
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }
}
