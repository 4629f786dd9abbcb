"""Map layers that features above the atlas add: a count per country, e.g. the early warnings of the last year.

The atlas imports none of them. An app above it registers a Wagtail hook returning a `CountLayer`:

    @hooks.register(MAP_LAYERS_HOOK)
    def alerts_layer() -> CountLayer: ...

The layer's counts are read only when a visitor chooses it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks

from stoptheharm.atlas.models import Jurisdiction
from stoptheharm.atlas.selectors import EN_DASH, LayerEntry, LayerOption, MapLayer, _legend

MAP_LAYERS_HOOK = "atlas_map_layers"
# Bins of small counts, drawn with the number bins' classes (patterns as well as colours).
COUNT_BINS = (("atlas-bin-1", 1), ("atlas-bin-2", 3), ("atlas-bin-3", 10), ("atlas-bin-4", 30))


@dataclass(frozen=True)
class CountLayer:
    """A layer of counts per ISO 3166-1 alpha-2 code; `label` words one count, e.g. '3 alerts'."""

    key: str
    title: str
    counts: Callable[[], dict[str, int]]
    label: Callable[[int], str]


def count_layers() -> list[CountLayer]:
    return [layer_for() for layer_for in hooks.get_hooks(MAP_LAYERS_HOOK)]


def count_layer_options() -> list[LayerOption]:
    return [LayerOption(key=layer.key, title=layer.title) for layer in count_layers()]


def count_map_layer(key: str, *, year: int) -> MapLayer | None:
    """The registered count layer with this key drawn as a map layer, or None when there is none."""
    layer = next((layer for layer in count_layers() if layer.key == key), None)
    if layer is None:
        return None
    entries = sorted(
        (
            LayerEntry(Jurisdiction(code=code), _count_class(count), layer.label(count))
            for code, count in layer.counts().items()
            if count
        ),
        key=lambda entry: (entry.jurisdiction.display_name, entry.jurisdiction.code),
    )
    labels = {css_class: _bin_label(index) for index, (css_class, _lowest) in enumerate(COUNT_BINS)}
    return MapLayer(key=layer.key, title=layer.title, year=year, entries=entries, legend=_legend(entries, labels))


def _count_class(count: int) -> str:
    return [css_class for css_class, lowest in COUNT_BINS if count >= lowest][-1]


def _bin_label(index: int) -> str:
    lowest = COUNT_BINS[index][1]
    if index + 1 == len(COUNT_BINS):
        return f"{lowest}+"
    highest = COUNT_BINS[index + 1][1] - 1
    return str(lowest) if lowest == highest else f"{lowest}{EN_DASH}{highest}"
