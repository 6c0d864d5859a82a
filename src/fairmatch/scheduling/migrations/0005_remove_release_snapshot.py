# The release's entries are its only frozen record from now on (0004 filled them).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('scheduling', '0004_fill_release_entries'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='release',
            name='snapshot',
        ),
    ]
