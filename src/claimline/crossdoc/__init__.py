"""Many articles, one chronology per actor: actor linking, event merging, dating, ordering, claims.

`merge_timelines(articles, actors=...)` is the entry point; every module holds one step as a short,
ordered list of named rules.
"""

from __future__ import annotations

from claimline.crossdoc.merge import merge_timelines

__all__ = ["merge_timelines"]
