"""Which stories an article not yet in any story belongs to, judged by the quotes it shares.

Each of the article's quotes is looked up in the quote index; a story scores one point per
quote of the article that it also holds (however many of its versions hold it), and ties go to
the closer matches. Shared quotes, not shared words, because rewrites of one story keep the
quotes and change the prose around them."""

from dataclasses import dataclass, field

from newsdiff.engine import analyse_version
from newsdiff.search.finder import Hit, find_quotes
from newsdiff.stories.models import Story

SHARED_SCORE = 80.0  # a quote counts as shared from this score
MAX_QUOTES = 40  # the article's longest quotes looked up (a long article has many)


@dataclass
class Suggestion:
    story: Story
    shared: list[tuple[str, Hit]] = field(default_factory=list)  # (article's quote, best hit)

    @property
    def total(self) -> float:
        return sum(hit.score for _, hit in self.shared)


def suggest_stories(text: str, *, limit: int = 3) -> list[Suggestion]:
    quotes = [q.text for q in analyse_version(text).quotes if not q.fragment]
    quotes = sorted(set(quotes), key=len, reverse=True)[:MAX_QUOTES]
    found: dict[int, Suggestion] = {}
    for quote in quotes:
        best: dict[int, Hit] = {}
        for hit in find_quotes(quote, min_score=SHARED_SCORE):
            story = hit.quote.version.article.story
            if story.pk not in best or hit.score > best[story.pk].score:
                best[story.pk] = hit
        for story_pk, hit in best.items():
            suggestion = found.setdefault(story_pk, Suggestion(hit.quote.version.article.story))
            suggestion.shared.append((quote, hit))
    ranked = sorted(found.values(), key=lambda s: (-len(s.shared), -s.total, s.story.pk))
    return ranked[:limit]
