"""Three steps of Pelican's whose cost grows with the square of the board, made linear.

Pelican 4.12 asks "is this article in that list?" of a list, once per article, in three places:
`process_translations` (which articles are not originals), and `generate_categories` and
`generate_authors` (each list's articles in date order), so on a board of 10,000 postings they
compare about 10^8 pairs of articles, seconds of every build (`generate_authors` runs even when
no author page is written). An article has no equality of its own, so "in" means "is one of";
here the same questions are asked of a set of the articles' identities: the same answers, in
the same order, in linear time.
"""

from __future__ import annotations

from itertools import groupby
from operator import attrgetter

from pelican import generators, signals
from pelican.generators import ArticlesGenerator
from pelican.utils import get_original_items


class Members(list):
    """A category's or author's articles: a list whose `in` asks for identity through a set
    (the same answer as a list's, since articles compare by identity)."""

    __slots__ = ("_ids",)

    def __contains__(self, item) -> bool:
        ids = getattr(self, "_ids", None)
        if ids is None or len(ids) != len(self):  # made when first asked
            ids = self._ids = {id(member) for member in self}
        return id(item) in ids


def process_translations(content_list, translation_id=None):
    """pelican.utils.process_translations, with the originals looked up in a set."""
    if not translation_id:
        return content_list, []
    if isinstance(translation_id, str):
        translation_id = {translation_id}
    index = []
    try:
        content_list.sort(key=attrgetter(*translation_id))
    except TypeError:
        raise TypeError(
            f"Cannot unpack {translation_id}, 'translation_id' must be falsy, a"
            " string or a collection of strings"
        ) from None
    except AttributeError:
        raise AttributeError(
            f"Cannot use {translation_id} as 'translation_id', there "
            "appear to be items without these metadata "
            "attributes"
        ) from None
    for key, group in groupby(content_list, attrgetter(*translation_id)):
        id_vals = (key,) if len(translation_id) == 1 else key
        with_str = "with" + ", ".join([' {} "{{}}"'] * len(translation_id)).format(
            *translation_id
        ).format(*id_vals)
        items = list(group)
        index.extend(get_original_items(items, with_str))
        for a in items:
            a.translations = [x for x in items if x != a]
    originals = {id(x) for x in index}
    return index, [x for x in content_list if id(x) not in originals]


def members_as_sets(generator) -> None:
    """article_generator_finalized: each category's and author's list answers `in` quickly."""
    if not isinstance(generator, ArticlesGenerator):
        return
    for groups in (generator.categories, generator.authors):
        if isinstance(groups, list):  # in place: the context holds the same list
            groups[:] = [(key, Members(articles)) for key, articles in groups]


def connect() -> None:
    # Pelican's generators call the name they imported from pelican.utils
    generators.process_translations = process_translations
    signals.article_generator_finalized.connect(members_as_sets)
