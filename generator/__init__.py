"""gongkai: disclosure bulletin boards (政务公开栏) as a static site and A0 print layouts."""

__version__ = "0.1.0"
