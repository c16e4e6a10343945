"""A toolkit's theme becomes a link to a theme of the strategy instead of free text.

Existing text is matched to a theme by its title (case aside), in the pages and in their stored revisions, so
the page history still loads; text that matches no theme is dropped.
"""

import django.db.models.deletion
from django.db import migrations, models


def link_themes(apps, schema_editor):
    ToolkitPage = apps.get_model("apothekerskast", "ToolkitPage")
    ThemePage = apps.get_model("strategy", "ThemePage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")

    themes = {title.casefold(): pk for pk, title in ThemePage.objects.values_list("pk", "title")}
    for toolkit in ToolkitPage.objects.all():
        toolkit.theme_id = themes.get(toolkit.theme_text.casefold())
        toolkit.save(update_fields=["theme"])
    content_type = ContentType.objects.filter(app_label="apothekerskast", model="toolkitpage").first()
    for revision in Revision.objects.filter(content_type=content_type):
        revision.content["theme"] = themes.get((revision.content.get("theme") or "").casefold())
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("apothekerskast", "0003_toolkitannouncement"),
        ("strategy", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RenameField("toolkitpage", "theme", "theme_text"),
        migrations.AddField(
            model_name="toolkitpage",
            name="theme",
            field=models.ForeignKey(
                blank=True,
                help_text="Het thema van de veiligheidsstrategie. Toolkits met hetzelfde thema staan bij elkaar in "
                "het overzicht; op de themapagina zien leden de titel van de toolkit, anderen alleen dat er "
                "toolkits zijn.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="toolkits",
                to="strategy.themepage",
                verbose_name="thema",
            ),
        ),
        migrations.RunPython(link_themes, migrations.RunPython.noop),
        migrations.RemoveField("toolkitpage", "theme_text"),
    ]
