from datetime import timedelta

from django.utils import timezone


def daily_hour_passed_two_hours_ago():
    """A SCHEDULER_DAILY_HOUR whose latest start was about two hours ago: a daily run is due and had no time to
    happen yet, and no new day's run starts while a test runs (as it could with a fixed hour near midnight)."""
    return (timezone.localtime() - timedelta(hours=2)).hour
