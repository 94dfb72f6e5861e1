from django.shortcuts import get_object_or_404, render

from newsdiff.stories.models import Story


def story_list(request):
    return render(request, "stories/story_list.html", {"stories": Story.objects.all()})


def story_detail(request, slug):
    story = get_object_or_404(Story, slug=slug)
    return render(request, "stories/story_detail.html", {"story": story})
