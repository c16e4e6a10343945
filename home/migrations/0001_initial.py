"""HomePage moves from portal to home, keeping its pages: the table is renamed and the content type changes app.

On a database built before the move the pages keep their content type (its id), and with it their revisions, log
entries and permissions; on a new database portal's first migrations create the table that this one renames.
"""

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


def content_type_to(app_label, from_app_label):
    def move(apps, schema_editor):
        content_types = apps.get_model("contenttypes", "ContentType").objects.using(schema_editor.connection.alias)
        if content_types.filter(app_label=from_app_label, model="homepage").exists():
            # One that `migrate` created for a state in between (after migrating back, say) holds no pages.
            content_types.filter(app_label=app_label, model="homepage").delete()
            content_types.filter(app_label=from_app_label, model="homepage").update(app_label=app_label)

    return move


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("portal", "0008_dutch_admin_names"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='HomePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('summary', models.TextField(blank=True, help_text='Eén alinea platte tekst; verschijnt onder de titel, in overzichten en zoekresultaten.', verbose_name='samenvatting')),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('figure', 6), ('quote', 9)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'tekst', 'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Kop 2'), ('h3', 'Kop 3')], 'help_text': 'Kop 2 voor een hoofdstuk, kop 3 voor een paragraaf daarbinnen.', 'label': 'niveau'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('portal.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'afbeelding'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'bijschrift', 'max_length': 255, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'citaat'}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'bron', 'max_length': 255, 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('text', 7), ('attribution', 8)]], {})}, verbose_name='inhoud')),
                    ],
                    options={
                        'verbose_name': 'homepagina',
                        'verbose_name_plural': 'homepagina’s',
                    },
                    bases=('wagtailcore.page', models.Model),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    "ALTER TABLE portal_homepage RENAME TO home_homepage",
                    "ALTER TABLE home_homepage RENAME TO portal_homepage",
                ),
            ],
        ),
        migrations.RunPython(content_type_to("home", "portal"), content_type_to("portal", "home")),
    ]
