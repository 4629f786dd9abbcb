from stoptheharm.statements.collation import collated

# Shuffled on purpose; EXPECTED is how a person files them: accents and case only break ties,
# Latin before Greek, Greek before Cyrillic, and Ё among the Е's as in a Russian dictionary.
NAMES = ["Ωμέγα", "Zürich Aids-Hilfe", "СВОН Плюс", "Ärzte der Welt", "Élixir", "Oslo", "Ёлка",
         "Acción Semilla", "Aksion Plus", "Άλφα Πλους", "Ежик", "Öko", "elixir", "Zeta",
         "Associació Reus Som Útils", "Аврора"]  # fmt: skip
EXPECTED = ["Acción Semilla", "Aksion Plus", "Ärzte der Welt", "Associació Reus Som Útils", "elixir", "Élixir",
            "Öko", "Oslo", "Zeta", "Zürich Aids-Hilfe", "Άλφα Πλους", "Ωμέγα", "Аврора", "Ежик", "Ёлка",
            "СВОН Плюс"]  # fmt: skip


def test_names_in_latin_greek_and_cyrillic_are_filed_as_a_person_would():
    assert collated(NAMES, key=str) == EXPECTED


def test_a_byte_or_code_point_order_would_have_filed_accented_names_last():
    assert sorted(NAMES) != EXPECTED
    assert sorted(NAMES).index("Élixir") > sorted(NAMES).index("Zeta")


def test_composed_and_decomposed_accents_file_together():
    decomposed = "E\u0301lixir"
    assert collated(["Zeta", decomposed, "Elixir"], key=str) == ["Elixir", decomposed, "Zeta"]
