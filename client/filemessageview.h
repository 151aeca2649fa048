#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSize>
#include <QUrl>

#include "fileinfo.h"

class ChatClient;
class ChatView;
class QNetworkAccessManager;
class QPalette;
class QTextBlockFormat;
class QTextCharFormat;
class QTextCursor;

// How a `file` message looks in the conversation: a picture as a thumbnail (a document image
// resource, fetched from the hub; click opens the picture), any other file as a line with its
// name, size and type and a Download link. The links use the scheme ActionScheme; the view turns
// a click on them into ChatView::fileActivated.
namespace FileMessageView {
inline constexpr QLatin1StringView ThumbScheme{"lanchat-thumb"};
inline constexpr QLatin1StringView ActionScheme{"lanchat-file"};
inline constexpr QLatin1StringView OpenAction{"open"};
inline constexpr QLatin1StringView DownloadAction{"download"};
inline constexpr int MaxThumbSide = 240; // logical pixels in the conversation

QUrl thumbName(const FileInfo &file);
QUrl actionUrl(const FileInfo &file, QLatin1StringView action);
// The thumbnail's size on screen: the picture's shape, at most MaxThumbSide a side.
QSize displaySize(const FileInfo &file);
// Writes the message's body as one block (returns the blocks written).
int writeBody(QTextCursor &cursor, const FileInfo &file, const QTextBlockFormat &block,
              const QTextCharFormat &body, const QTextCharFormat &muted,
              const QTextCharFormat &link);
} // namespace FileMessageView

// Fetches the thumbnails the watched views ask for (GET /files/ID/thumb from the room's hub),
// checks them (PNG or JPEG only, bounded size) and hands them to the views that asked.
class ThumbnailLoader final : public QObject
{
    Q_OBJECT
public:
    explicit ThumbnailLoader(ChatClient *client, QObject *parent = nullptr);
    void watch(ChatView *view);
    int inFlight() const { return int(m_loading.size()); }

private:
    void fetch(ChatView *view, const QUrl &name);

    ChatClient *m_client = nullptr; // not owned
    QNetworkAccessManager *m_network = nullptr; // child
    QHash<QUrl, QList<QPointer<ChatView>>> m_loading; // thumbnail -> the views waiting for it
    QSet<QUrl> m_failed; // asked once; not again in this room
};
