"""SQLAlchemy models of the catalogue: providers, services, places, areas and codelists."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Codelists kept in codelist_term.codelist
DRUH = "druh"
FORMA = "forma"
CILOVA_SKUPINA = "cilova_skupina"
VEKOVA_SKUPINA = "vekova_skupina"
TYP_KAPACITY = "typ_kapacity"
CODELISTS = (DRUH, FORMA, CILOVA_SKUPINA, VEKOVA_SKUPINA, TYP_KAPACITY)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}


def table_of(model: type[Base]) -> Table:
    """The table a model is mapped to (SQLAlchemy types `__table__` only as a FromClause)."""
    table = model.__table__
    assert isinstance(table, Table)  # every model here is mapped to one table
    return table


service_target_group = Table(
    "service_target_group",
    Base.metadata,
    Column("service_id", ForeignKey("service.id", ondelete="CASCADE"), primary_key=True),
    Column("term_id", ForeignKey("codelist_term.id"), primary_key=True),
)

service_age_group = Table(
    "service_age_group",
    Base.metadata,
    Column("service_id", ForeignKey("service.id", ondelete="CASCADE"), primary_key=True),
    Column("term_id", ForeignKey("codelist_term.id"), primary_key=True),
)

service_life_situation = Table(
    "service_life_situation",
    Base.metadata,
    Column("service_id", ForeignKey("service.id", ondelete="CASCADE"), primary_key=True),
    Column("situation_id", ForeignKey("life_situation.id"), primary_key=True),
)


class Municipality(Base):
    """A municipality (obec) identified by its ČSÚ code, with its ORP."""

    __tablename__ = "municipality"

    code: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(120), index=True)
    orp: Mapped[str] = mapped_column(String(120), index=True)
    population: Mapped[int | None]
    locative: Mapped[str | None] = mapped_column(String(160))


class CodelistTerm(Base):
    """A term of one of the register's codelists, e.g. `DruhSocialniSluzby/13`."""

    __tablename__ = "codelist_term"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    codelist: Mapped[str] = mapped_column(String(40), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(Text)


class LifeSituation(Base):
    """An everyday situation people start from ("Dluhy", "Domácí násilí")."""

    __tablename__ = "life_situation"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_uk: Mapped[str | None] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    family: Mapped[str | None] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(default=0)


class Provider(Base):
    """The organisation that provides services; keyed by IČO when it has one."""

    __tablename__ = "provider"

    id: Mapped[int] = mapped_column(primary_key=True)
    ico: Mapped[str | None] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(Text)
    address: Mapped[str | None] = mapped_column(Text)
    municipality_code: Mapped[int | None]
    phones: Mapped[list[str]] = mapped_column(default=list)
    emails: Mapped[list[str]] = mapped_column(default=list)
    webs: Mapped[list[str]] = mapped_column(default=list)

    services: Mapped[list[Service]] = relationship(back_populates="provider")


class Service(Base):
    """A registered social service or a related (návazná) service from the local catalogue."""

    __tablename__ = "service"

    id: Mapped[int] = mapped_column(primary_key=True)
    registry_id: Mapped[str | None] = mapped_column(String(40), unique=True)
    portal_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    local_id: Mapped[str | None] = mapped_column(String(60), unique=True)
    sheet: Mapped[str | None] = mapped_column(String(120))  # the spreadsheet (source) a related service came from
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("provider.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    druh_id: Mapped[str | None] = mapped_column(ForeignKey("codelist_term.id"), index=True)
    category: Mapped[str | None] = mapped_column(String(120))
    # what the register holds
    age_note: Mapped[str | None] = mapped_column(Text)
    phones: Mapped[list[str]] = mapped_column(default=list)
    emails: Mapped[list[str]] = mapped_column(default=list)
    webs: Mapped[list[str]] = mapped_column(default=list)
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    register_hours: Mapped[str | None] = mapped_column(Text)  # the register's casoveRozsahy, as text
    # what the local catalogue adds
    description: Mapped[str | None] = mapped_column(Text)
    how_to_get_help: Mapped[str | None] = mapped_column(Text)
    hours: Mapped[str | None] = mapped_column(Text)
    price: Mapped[str | None] = mapped_column(Text)
    languages: Mapped[list[str]] = mapped_column(default=list)
    accessibility: Mapped[str | None] = mapped_column(Text)
    last_checked: Mapped[dt.date | None] = mapped_column(Date)
    # status
    active: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    deactivated_on: Mapped[dt.date | None] = mapped_column(Date)

    provider: Mapped[Provider | None] = relationship(back_populates="services")
    druh: Mapped[CodelistTerm | None] = relationship()
    target_groups: Mapped[list[CodelistTerm]] = relationship(secondary=service_target_group, order_by=CodelistTerm.id)
    age_groups: Mapped[list[CodelistTerm]] = relationship(secondary=service_age_group, order_by=CodelistTerm.id)
    life_situations: Mapped[list[LifeSituation]] = relationship(
        secondary=service_life_situation, order_by=LifeSituation.position
    )
    forms: Mapped[list[ServiceForm]] = relationship(cascade="all, delete-orphan", order_by="ServiceForm.form_id")
    capacities: Mapped[list[Capacity]] = relationship(cascade="all, delete-orphan", order_by="Capacity.id")
    places: Mapped[list[Place]] = relationship(cascade="all, delete-orphan", order_by="Place.id")
    area: Mapped[list[ServiceArea]] = relationship(
        cascade="all, delete-orphan", order_by="ServiceArea.municipality_code"
    )

    @property
    def is_registered(self) -> bool:
        """True for a service of the national register."""
        return self.registry_id is not None


class ServiceForm(Base):
    """A form in which a service is provided (ambulantní, terénní, pobytová)."""

    __tablename__ = "service_form"

    service_id: Mapped[int] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), primary_key=True)
    form_id: Mapped[str] = mapped_column(ForeignKey("codelist_term.id"), primary_key=True)
    continuous: Mapped[bool] = mapped_column(Boolean, default=False)

    form: Mapped[CodelistTerm] = relationship()


class Capacity(Base):
    """A registered maximum capacity of a service in one form (not free places)."""

    __tablename__ = "capacity"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    form_id: Mapped[str] = mapped_column(ForeignKey("codelist_term.id"))
    type_id: Mapped[str | None] = mapped_column(ForeignKey("codelist_term.id"))
    count: Mapped[int | None]
    note: Mapped[str | None] = mapped_column(Text)


class Place(Base):
    """A place (zařízení or address) where a service is provided."""

    __tablename__ = "place"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    name: Mapped[str | None] = mapped_column(Text)
    street: Mapped[str | None] = mapped_column(String(200))
    house_number: Mapped[str | None] = mapped_column(String(40))
    postcode: Mapped[str | None] = mapped_column(String(10))
    municipality_code: Mapped[int | None] = mapped_column(index=True)
    municipality_name: Mapped[str | None] = mapped_column(String(120))
    part_name: Mapped[str | None] = mapped_column(String(120))
    address_point: Mapped[int | None] = mapped_column(BigInteger)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    # a place whose address is not published (utajenaAdresa): only its municipality is kept
    address_hidden: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class ServiceArea(Base):
    """A municipality a service really reaches (its service area)."""

    __tablename__ = "service_area"

    service_id: Mapped[int] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), primary_key=True)
    municipality_code: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(String(20), default="katalog")


class ImportRun(Base):
    """One completed run of an importer: what it read and what it changed."""

    __tablename__ = "import_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(Text)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    added: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    deactivated: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    rejections: Mapped[list[str]] = mapped_column(default=list)
