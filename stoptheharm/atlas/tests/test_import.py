from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Revision

from stoptheharm.atlas.demo import load_atlas_demo
from stoptheharm.atlas.imports import MAX_FILE_BYTES, AtlasFileError, read_atlas_csv
from stoptheharm.atlas.models import DecriminalisationModel, Indicator, IndicatorValue, Jurisdiction, Source
from stoptheharm.atlas.tests.factories import (
    INDICATORS,
    MODEL_HEADER,
    MODELS,
    VALUE_HEADER,
    VALUES,
    import_test_atlas,
    import_text,
)

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in (Jurisdiction, Source, DecriminalisationModel, IndicatorValue))


def refused(text: str | bytes) -> AtlasFileError:
    before = counts()
    with pytest.raises(AtlasFileError) as raised:
        import_text(text) if isinstance(text, str) else read_atlas_csv(text)
    assert counts() == before
    return raised.value


def test_a_file_of_models_creates_them_with_their_jurisdictions_and_sources():
    import_test_atlas()
    portugal = DecriminalisationModel.objects.get(key="T001")
    assert portugal.jurisdiction.code == "PT"
    assert portugal.replaced_by == ["administrative_sanction", "dissuasion_commission"]
    assert [source.url for source in portugal.sources.all()] == ["https://example.org/pt-law"]
    oregon = DecriminalisationModel.objects.get(key="T003")
    assert (oregon.jurisdiction.code, oregon.jurisdiction.name, oregon.year_ended) == ("US-OR", "Oregon", 2024)
    assert DecriminalisationModel.objects.get(key="T002").sources.count() == 2
    assert DecriminalisationModel.objects.get(key="T005").year_adopted is None
    count = IndicatorValue.objects.get(indicator__slug="dcr_count", jurisdiction__code="DE")
    assert (count.value_number, count.edition_year) == (24, 2017)


def test_importing_the_same_files_twice_changes_nothing():
    import_test_atlas()
    before = (counts(), Revision.objects.count())
    reports = [import_text(text) for text in (INDICATORS, MODELS, VALUES)]
    assert [(report.created, report.updated) for report in reports] == [(0, 0)] * 3
    assert [report.unchanged for report in reports] == [2, 5, 4]
    assert (counts(), Revision.objects.count()) == before


def test_a_changed_row_updates_its_entry_and_records_a_revision():
    import_test_atlas()
    changed = MODELS.replace("T001,PT,,2001,", "T001,PT,,2000,").replace(
        "https://example.org/pt-law", "https://example.org/pt-2"
    )
    report = import_text(changed)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 4)
    portugal = DecriminalisationModel.objects.get(key="T001")
    assert portugal.year_adopted == 2000
    assert [source.url for source in portugal.sources.all()] == ["https://example.org/pt-2"]
    assert portugal.revisions.count() == 1


@pytest.mark.parametrize(
    ("row", "line", "field", "words"),
    [
        ("T9,ZZ,,2001,,de jure,,high,https://example.org/a,", 3, "jurisdiction", "ISO 3166-1"),
        ("T9,Portugal,,2001,,de jure,,high,https://example.org/a,", 3, "jurisdiction", "jurisdiction code"),
        ("T9,PT,,1899,,de jure,,high,https://example.org/a,", 3, "year_adopted", "from 1900"),
        ("T9,PT,,2001,2999,de jure,,high,https://example.org/a,", 3, "year_ended", "from 1900"),
        ("T9,PT,,twenty,,de jure,,high,https://example.org/a,", 3, "year_adopted", "is not a year"),
        ("T9,PT,,2010,2001,de jure,,high,https://example.org/a,", 3, "year_ended", "before it was adopted"),
        ("T9,PT,,2001,,in theory,,high,https://example.org/a,", 3, "legal_basis", "de_jure"),
        ("T9,PT,,2001,,de jure,prison,high,https://example.org/a,", 3, "replaced_by", "dissuasion_commission"),
        ("T9,PT,,2001,,de jure,,certain,https://example.org/a,", 3, "confidence", "high"),
        ("T9,PT,,2001,,de jure,,high,,", 3, "sources", "must not be empty"),
        ("T9,PT,,2001,,de jure,,high,javascript:alert(1),", 3, "sources", "web address"),
        ("T9,PT,,2001,,de jure,,high,https://example.org/a | ftp://example.org/b,", 3, "sources", "web address"),
        ("T9,AU-XYZ,,2001,,de jure,,high,https://example.org/a,", 3, "jurisdiction_name", "needs a name"),
        ("T9,PT,,2001,,de jure,,high,https://example.org/a,Hidden\u202etext", 3, "notes", "invisible"),
        ("T001,PT,,2001,,de jure,,high,https://example.org/a,", 3, None, "same entry as line 2"),
    ],
)
def test_a_bad_model_row_rejects_the_whole_file_naming_line_and_field(row, line, field, words):
    text = f"{MODEL_HEADER}\nT001,NL,,1976,,de facto,none,high,https://example.org/nl,\n{row}\n"
    error = refused(text)
    assert (error.line, error.field) == (line, field)
    assert words in error.message
    assert f"Line {line}" in str(error)
    assert not DecriminalisationModel.objects.filter(key="T001").exists()  # the good line 2 is not kept either


@pytest.mark.parametrize(
    ("row", "field", "words"),
    [
        ("PT,,needles,GSHR 2020,2020,yes,high,https://example.org/a,", "indicator", "not a known indicator"),
        ("PT,,nsp,GSHR 2020,2020,maybe,high,https://example.org/a,", "value", "neither yes, no nor a number"),
        ("PT,,nsp,GSHR 2020,2020,3,high,https://example.org/a,", "value_boolean", "yes or no"),
        ("PT,,dcr_count,GSHR 2020,2020,yes,high,https://example.org/a,", "value_number", "takes a number"),
        ("PT,,dcr_count,GSHR 2020,2020,2.5,high,https://example.org/a,", "value_number", "whole number"),
        ("PT,,dcr_count,GSHR 2020,2020,NaN,high,https://example.org/a,", "value", "neither yes, no nor a number"),
        ("PT,,nsp,GSHR 2020,,yes,high,https://example.org/a,", "edition_year", "must not be empty"),
        ("PT,,nsp,GSHR 2020,2020,,high,https://example.org/a,", "value", "must not be empty"),
    ],
)
def test_a_bad_value_row_rejects_the_whole_file(row, field, words):
    import_text(INDICATORS)
    text = f"{VALUE_HEADER}\nDE,,nsp,GSHR 2020,2020,no,high,https://example.org/de,\n{row}\n"
    error = refused(text)
    assert (error.line, error.field) == (3, field)
    assert words in error.message
    assert not IndicatorValue.objects.exists()


def test_the_last_bad_row_of_a_long_file_leaves_nothing_half_imported():
    import_text(INDICATORS)
    rows = [f"{code},,nsp,GSHR 2020,2020,yes,high,https://example.org/{code},"
            for code in ("PT", "ES", "FR", "DE", "IT", "BE")]  # fmt: skip
    error = refused("\n".join([VALUE_HEADER, *rows, "ZZ,,nsp,GSHR 2020,2020,yes,high,https://example.org/zz,"]))
    assert error.line == 8
    assert not Source.objects.exists()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"name,colour\nPT,blue\n", "Which data is this"),
        (b"id,jurisdiction,year_adopted,legal_basis,confidence\n", "Missing column(s): sources"),
        (MODEL_HEADER.encode() + b",colour\n", "Unknown column(s): colour"),
        (b"url,url\nhttps://example.org,https://example.org\n", "named twice"),
        (MODEL_HEADER.encode() + b"\n", "no rows"),
        ("url,title\nhttps://example.org/a,Ação\n".encode("latin-1"), "not UTF-8"),
        ("url,title\n".encode("utf-16"), "not UTF-8"),
        (b"url,title\nhttps://example.org/a,one,two\n", "3 cells"),
        (b"url,accessed\nhttps://example.org/a,30/11/2026\n", "not a date"),
    ],
)
def test_a_malformed_file_is_refused_with_a_reason(data, words):
    error = refused(data)
    assert words in str(error)


def test_an_oversized_file_is_refused_before_it_is_read():
    error = refused(b"url\n" + b"x" * MAX_FILE_BYTES)
    assert "larger than" in error.message


def test_a_file_saved_with_a_byte_order_mark_keeps_its_accented_names():
    text = "url,title,publisher,accessed\nhttps://example.org/a,Relatório anual,Instituto da Droga,2026-11-30\n"
    import_atlas_file = read_atlas_csv(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert import_atlas_file.dataset == "sources"
    import_text(text)
    assert Source.objects.get().title == "Relatório anual"


def test_a_year_of_the_current_year_is_accepted_and_next_year_is_not():
    this_year = timezone.now().year
    import_text(f"{MODEL_HEADER}\nT1,PT,,{this_year},,de jure,,high,https://example.org/a,\n")
    error = refused(f"{MODEL_HEADER}\nT2,PT,,{this_year + 1},,de jure,,high,https://example.org/a,\n")
    assert error.field == "year_adopted"


def test_the_command_imports_files_and_names_the_line_and_column_of_a_fault(tmp_path):
    good = tmp_path / "indicators.csv"
    good.write_text(INDICATORS, encoding="utf-8")
    bad = tmp_path / "values.csv"
    bad.write_text(f"{VALUE_HEADER}\nPT,,nsp,GSHR 2020,2020,perhaps,high,https://example.org/a,\n", encoding="utf-8")
    output = StringIO()
    call_command("import_atlas", str(good), stdout=output)
    assert "indicators.csv (indicators): 2 created, 0 updated, 0 unchanged." in output.getvalue()
    with pytest.raises(CommandError, match=r"values.csv: Line 2, column value: .*Nothing was imported"):
        call_command("import_atlas", str(bad))
    assert Indicator.objects.count() == 2


def test_the_demo_data_imports_and_loading_it_again_changes_nothing():
    reports = load_atlas_demo()
    assert [report.dataset for report in reports] == ["sources", "indicators", "models", "values"]
    assert DecriminalisationModel.objects.get(key="D001").jurisdiction.code == "PT"
    assert not DecriminalisationModel.objects.filter(sources=None).exists()
    assert not IndicatorValue.objects.filter(sources=None).exists()
    assert not IndicatorValue.objects.filter(edition__icontains="third-party").exists()
    assert set(DecriminalisationModel.objects.values_list("confidence", flat=True)) <= {"high", "medium"}
    before = counts()
    assert load_atlas_demo() == []
    assert counts() == before
