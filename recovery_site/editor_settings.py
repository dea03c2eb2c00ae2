"""The rich-text editor's toolbar and what it may produce (settings.CKEDITOR_CONFIGS).

django-ckeditor is chosen in plumbing/richtext.py alone; whatever the editor sends, the
server-side sanitizer there decides what is kept, with the same list as below.
"""

UPLOAD_PATH = "uploads/"

CONFIGS = {
    "default": {
        "toolbar": "Post",
        "toolbar_Post": [
            ["Format"],
            ["Bold", "Italic", "RemoveFormat"],
            ["NumberedList", "BulletedList", "Blockquote"],
            ["Link", "Unlink"],
            ["Image", "Table", "HorizontalRule"],
            ["Undo", "Redo"],
            ["Source", "Maximize"],
        ],
        "format_tags": "p;h2;h3;h4",
        "height": 420,
        "width": "100%",
        "removePlugins": "exportpdf",
        "extraPlugins": "",
        # What the editor may produce; the server-side sanitizer enforces the same list.
        "allowedContent": (
            "h2 h3 h4 p blockquote strong em b i ul ol li hr br;"
            "a[!href];"
            "img{width,height}[!src,alt,width,height];"
            "table thead tbody tfoot tr th td caption;"
        ),
    },
}
