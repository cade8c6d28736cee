"""The Telegram adapter: python-telegram-bot 22 around the transport-free dialog.

- `app`: the Application, its handlers and lifecycle (long polling or webhook);
- `handlers`: private chats — updates to dialog events, replies to messages;
- `inline`: `@bot pečovatelská Kojetín` in any chat;
- `admin`: /stats and /reload for ADMIN_USER_IDS;
- `replies`: keyboards, edits, venues and contacts;
- `delivery`: retries on flood limits and network faults, per-chat order;
- `fairness`: a cap on the updates one chat has waiting, so one chat cannot slow the others;
- `transport`: the HTTP client of the Bot API calls (aiohttp);
- `runtime`: the catalogue snapshot, the state store and statistics the handlers share;
- `texts`: the adapter's own messages in cs/uk/en.
"""

from bot.telegram.app import build_application, run, running
from bot.telegram.runtime import Runtime

__all__ = ["Runtime", "build_application", "run", "running"]
