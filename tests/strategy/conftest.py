import pytest

from tests.strategy.builders import heading, make_chapter, make_strategy, make_theme, paragraph


class StrategyTree:
    """A strategy with two chapters and a theme between them, in that order."""

    def __init__(self, site):
        self.site = site
        self.strategy = make_strategy(site.home, summary="Samen slagvaardig.")
        self.summary = make_chapter(
            self.strategy,
            title="Samenvatting",
            body=[heading("Focus"), paragraph("Keuzes maken."), heading("Flexibel", "h3"), paragraph("Meebewegen.")],
        )
        self.theme = make_theme(
            self.strategy,
            title="Maatschappelijke onrust",
            summary="Bouwen aan een vreedzame samenleving.",
            sub_themes=[{"type": "sub_theme", "value": "Verbinding met de samenleving"}],
            body=[heading("Polarisatie en radicalisering"), paragraph("Een trend.")],
            ambition_heading="Ambitie: bouwen aan een vreedzame samenleving",
            ambition=[paragraph("Behouden en versterken.")],
            approach=[paragraph("Kennis versterken.")],
        )
        self.appendix = make_chapter(self.strategy, title="Bijlagen", body=[heading("Redactie")])


@pytest.fixture
def tree(site):
    return StrategyTree(site)
