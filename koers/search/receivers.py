"""Keep the database's full-text part in step when a document row goes (also by cascade)."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from koers.search.backends import full_text
from koers.search.models import SearchDocument


@receiver(post_delete, sender=SearchDocument)
def remove_full_text(sender, instance: SearchDocument, **kwargs) -> None:
    full_text().remove(instance.pk)
