#include "filemessageview.h"

#include <QBuffer>
#include <QImageReader>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTextCursor>
#include <QTextImageFormat>
#include <QUrlQuery>

#include "chatclient.h"
#include "chatview.h"
#include "filelog.h"
#include "roomurl.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int MaxThumbPixels = 640; // the hub sends at most 320; anything past this is refused
constexpr qint64 MaxThumbBytes = 4 * 1024 * 1024;
} // namespace

QUrl FileMessageView::thumbName(const FileInfo &file)
{
    QUrl url;
    url.setScheme(ThumbScheme);
    url.setPath(file.thumb);
    return url;
}

QUrl FileMessageView::actionUrl(const FileInfo &file, QLatin1StringView action)
{
    QUrl url;
    url.setScheme(ActionScheme);
    url.setPath(file.url);
    url.setQuery(QUrlQuery{{u"do"_s, QString(action)}});
    return url;
}

QSize FileMessageView::displaySize(const FileInfo &file)
{
    QSize size(file.width, file.height);
    if (size.width() <= 0 || size.height() <= 0)
        return {MaxThumbSide * 2 / 3, MaxThumbSide * 2 / 3};
    if (size.width() > MaxThumbSide || size.height() > MaxThumbSide)
        size.scale(MaxThumbSide, MaxThumbSide, Qt::KeepAspectRatio);
    return size.expandedTo(QSize(8, 8));
}

int FileMessageView::writeBody(QTextCursor &cursor, const FileInfo &file,
                               const QTextBlockFormat &block, const QTextCharFormat &body,
                               const QTextCharFormat &muted, const QTextCharFormat &link)
{
    const QString details = u"%1 \u00b7 %2"_s.arg(FileText::size(file.size), FileText::kind(file));
    cursor.insertBlock(block, body);
    if (file.isPicture()) {
        // The picture, then its name: a click on either opens it.
        const QSize size = displaySize(file);
        QTextImageFormat image;
        image.setName(thumbName(file).toString(QUrl::FullyEncoded));
        image.setWidth(size.width());
        image.setHeight(size.height());
        image.setAnchor(true);
        image.setAnchorHref(actionUrl(file, OpenAction).toString(QUrl::FullyEncoded));
        image.setToolTip(file.name);
        cursor.insertImage(image);
        cursor.insertText(QString(QChar::LineSeparator), body);
        QTextCharFormat name = link;
        name.setAnchor(true);
        name.setAnchorHref(actionUrl(file, OpenAction).toString(QUrl::FullyEncoded));
        cursor.insertText(u"\u2068%1\u2069"_s.arg(file.name), name);
        cursor.insertText(u"  "_s + details + u"  "_s, muted);
    } else {
        QTextCharFormat name = body;
        name.setFontWeight(QFont::Bold);
        cursor.insertText(u"\U0001F4C4 "_s, body);
        cursor.insertText(u"\u2068%1\u2069"_s.arg(file.name), name);
        cursor.insertText(u"  "_s + details + u"  "_s, muted);
    }
    QTextCharFormat download = link;
    download.setAnchor(true);
    download.setAnchorHref(actionUrl(file, DownloadAction).toString(QUrl::FullyEncoded));
    download.setToolTip(ChatView::tr("Save %1 in your Downloads folder").arg(file.name));
    cursor.insertText(ChatView::tr("Download"), download);
    return 1;
}

ThumbnailLoader::ThumbnailLoader(ChatClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setProxy(QNetworkProxy::NoProxy);
    connect(client, &ChatClient::switched, this, [this] { m_failed.clear(); });
}

void ThumbnailLoader::watch(ChatView *view)
{
    // Asked for while the view lays out its document: fetch once the layout is done.
    connect(
            view, &ChatView::thumbnailWanted, this,
            [this, view](const QUrl &name) { fetch(view, name); }, Qt::QueuedConnection);
}

void ThumbnailLoader::fetch(ChatView *view, const QUrl &name)
{
    if (m_failed.contains(name) || !name.path().startsWith(u"/files/"_s))
        return;
    if (const auto waiting = m_loading.find(name); waiting != m_loading.end()) {
        if (!waiting->contains(view))
            waiting->append(view);
        return;
    }
    QUrl path;
    path.setPath(name.path());
    const QUrl url = Protocol::roomPageUrl(m_client->url()).resolved(path);
    m_loading.insert(name, {view});
    QNetworkReply *reply = m_network->get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64 total) {
        if (received > MaxThumbBytes || total > MaxThumbBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, name] {
        reply->deleteLater();
        const QList<QPointer<ChatView>> views = m_loading.take(name);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->read(MaxThumbBytes);
        QBuffer buffer;
        buffer.setData(data);
        QImageReader reader(&buffer);
        reader.setAllocationLimit(16); // MiB: a thumbnail, not a bomb
        const QByteArray format = reader.format();
        QImage image;
        if (status == 200 && (format == "png" || format == "jpeg")
            && reader.size().width() <= MaxThumbPixels && reader.size().height() <= MaxThumbPixels)
            image = reader.read();
        if (image.isNull()) {
            qCInfo(lcClientFiles) << "no thumbnail from" << name.path() << status << format
                                  << reply->errorString();
            m_failed.insert(name);
            return;
        }
        for (const QPointer<ChatView> &waiting : views) {
            if (waiting)
                waiting->setThumbnail(name, image);
        }
    });
}
