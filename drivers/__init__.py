"""Device drivers: importable without ``venue_client``; each ships a simulator that
speaks its real protocol, chosen by a configuration URL such as ``sim://``."""
