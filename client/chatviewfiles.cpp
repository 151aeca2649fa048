// ChatView: file messages and links (the rest is in chatview.cpp).
#include "chatview.h"

#include <QDesktopServices>
#include <QImage>
#include <QUrlQuery>

#include "filemessageview.h"

using namespace Qt::StringLiterals;

void ChatView::addFile(const FileInfo &file, bool own)
{
    Entry entry = chatEntry({file.from, file.name, file.time, file.id, file.seq, own});
    entry.file = std::make_shared<const FileInfo>(file);
    arrive(std::move(entry));
}

void ChatView::setThumbnail(const QUrl &name, const QImage &image)
{
    m_thumbnails.insert(name, image);
    document()->addResource(QTextDocument::ImageResource, name, image);
    // Lay out again the messages that show it (it replaces the placeholder).
    flush();
    keepPosition([&] {
        for (qsizetype i = 0; i < m_entries.size(); ++i) {
            const Entry &entry = m_entries.at(i);
            if (entry.file && entry.file->isPicture()
                && FileMessageView::thumbName(*entry.file) == name)
                rerender(i, i + 1);
        }
    });
}

QVariant ChatView::loadResource(int type, const QUrl &name)
{
    if (name.scheme() != FileMessageView::ThumbScheme)
        return QTextBrowser::loadResource(type, name);
    if (const auto it = m_thumbnails.constFind(name); it != m_thumbnails.cend())
        return *it; // the document was cleared and written again
    Q_EMIT thumbnailWanted(name);
    // Until it arrives: a plain tile in the picture's place (the layout keeps its size).
    QImage placeholder(1, 1, QImage::Format_RGB32);
    placeholder.fill(palette().color(QPalette::AlternateBase));
    return placeholder;
}

void ChatView::onAnchor(const QUrl &url)
{
    if (url.scheme() != FileMessageView::ActionScheme) {
        if (url.scheme() == u"http"_s || url.scheme() == u"https"_s)
            QDesktopServices::openUrl(url);
        return;
    }
    const QString action = QUrlQuery(url).queryItemValue(u"do"_s);
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
        const Entry &entry = m_entries.at(i);
        if (entry.file && entry.file->url == url.path()) {
            Q_EMIT fileActivated(*entry.file, action);
            return;
        }
    }
}
