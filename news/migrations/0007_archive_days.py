from django.db import migrations, models


def count_days(apps, schema_editor):
    # Counted again by the live model's refresh, as 0005 counted the months: only where there is a summary to fill.
    if not apps.get_model("news", "NewsArchiveMonth").objects.exists():
        return
    from news.models import NewsArchiveMonth

    NewsArchiveMonth.refresh_all()


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0006_article_date_today_and_dutch_names'),
    ]

    operations = [
        migrations.AddField(
            model_name='newsarchivemonth',
            name='days',
            field=models.JSONField(default=list),
        ),
        migrations.RunPython(count_days, migrations.RunPython.noop),
    ]
