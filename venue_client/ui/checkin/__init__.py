"""The check-in desk's parts (签到台): session picker, roster, card watcher, camera
preview, face comparison, the result panel and the supervisor and manual-entry
dialogs. ``ui.pages.checkin`` puts them together."""
