"""Alembic environment: runs migrations on the engine the application hands over."""

from alembic import context

import bot.stats.models  # noqa: F401 - registers the statistics tables on Base.metadata
import bot.storage.models  # noqa: F401 - registers the conversation table on Base.metadata
from bot.catalog.models import Base

target_metadata = Base.metadata
engine = context.config.attributes.get("engine")
if engine is None:  # invoked by the alembic command line
    from bot.config import get_settings
    from bot.db import make_engine

    engine = make_engine(get_settings().database_url)

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
