"""Human-readable views of an `Article`: terminal tables, Markdown and a self-contained HTML page.

Import the submodules directly (`claimline.views.terminal`, `.markdown`, `.html`); this package
imports nothing so that loading one view stays cheap.
"""
