"""The bundled data loads into an empty database on first start, and the search reads it back."""

from sqlalchemy import func, select

from bot.catalog.bundled import load_bundled_data
from bot.catalog.models import ImportRun, LifeSituation, Municipality, Service
from bot.catalog.readmodel import load_catalogue
from bot.search.engine import Searcher


def test_first_start_loads_municipalities_situations_and_the_sample_catalogue(sessions) -> None:
    summaries = load_bundled_data(sessions)
    assert [s.kind for s in summaries][-2:] == ["rpss", "katalog"]
    assert all(not s.rejected for s in summaries)
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Municipality)) == 59 + 32 + 14 + 46 + 47
        assert s.scalar(select(func.count()).select_from(LifeSituation)) > 20
        assert s.scalar(select(func.count()).select_from(Service).where(Service.active.is_(True))) >= 60
        assert s.scalar(select(func.count()).select_from(ImportRun)) == len(summaries)


def test_second_start_leaves_the_catalogue_alone(sessions) -> None:
    load_bundled_data(sessions)
    assert load_bundled_data(sessions) == []


def test_search_index_is_read_from_the_database(sessions) -> None:
    load_bundled_data(sessions)
    with sessions() as s:
        view = load_catalogue(s)
    by_name = {d.name: d for d in view.services}
    assert len(view.towns) == 198 and view.situations
    registered = [d for d in view.services if d.registry_id]
    assert registered and all(d.druh_id and d.provider and d.place_codes for d in registered)
    assert any(d.area_codes for d in view.services)
    result = Searcher(view).search("pečovatelská služba v Kojetíně")
    assert result.hits and result.hits[0].service.name in by_name
    assert result.understood.town == "Kojetín"


def test_a_database_with_a_region_of_its_own_gets_no_sample_services(sessions) -> None:
    from bot.catalog.models import Municipality as Town

    with sessions() as s:
        s.add(Town(code=588300, name="Bařice-Velké Těšany", orp="Kroměříž", population=600))
        s.commit()
    assert load_bundled_data(sessions) == []
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Service)) == 0
        assert s.scalar(select(func.count()).select_from(Municipality)) == 1


def test_a_local_service_whose_category_names_a_druh_is_found_as_that_druh(sessions) -> None:
    from bot.catalog.models import CodelistTerm

    with sessions() as s:
        s.add(CodelistTerm(id="DruhSocialniSluzby/4", codelist="druh", code="4", name="pečovatelská služba"))
        s.add(Service(name="Pečovatelka Hulín", category="Pečovatelská služba"))
        s.add(Service(name="Výdejna", category="potravinová pomoc"))
        s.commit()
        docs = {d.name: d for d in load_catalogue(s).services}
    assert (docs["Pečovatelka Hulín"].druh_id, docs["Pečovatelka Hulín"].kind) == (
        "DruhSocialniSluzby/4",
        "pečovatelská služba",
    )
    assert docs["Výdejna"].druh_id is None


def test_age_groups_give_the_years_a_service_covers() -> None:
    from bot.catalog.readmodel import age_group_years, ages_covered

    years = age_group_years()
    assert ages_covered(["VekovaSkupinaOsoby/3"], years) == (1, 7)
    assert ages_covered(["VekovaSkupinaOsoby/5", "VekovaSkupinaOsoby/10"], years) == (11, None)
    assert ages_covered([], years) is None and ages_covered(["VekovaSkupinaOsoby/99"], years) is None
