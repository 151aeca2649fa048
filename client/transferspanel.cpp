#include "transferspanel.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include "chatstyle.h"
#include "downloads.h"
#include "fileinfo.h"
#include "filetransfers.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr int MaxVisibleRows = 4; // more scroll

int percent(qint64 done, qint64 total)
{
    return total <= 0 ? 100 : int(std::clamp<qint64>(done * 100 / total, 0, 100));
}
} // namespace

TransfersPanel::TransfersPanel(FileTransfers *uploads, Downloads *downloads, QWidget *parent)
    : QFrame(parent)
    , m_uploads(uploads)
    , m_downloads(downloads)
{
    setObjectName(u"transfersPanel"_s);
    setAccessibleName(tr("Transfers"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    auto *header = new QHBoxLayout;
    auto *title = new QLabel(tr("Transfers"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *close = new QToolButton(this);
    close->setObjectName(u"closeTransfersButton"_s);
    close->setText(tr("Hide"));
    close->setToolTip(tr("Hide the transfers (they go on)"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    header->addWidget(title, 1);
    header->addWidget(close);
    layout->addLayout(header);

    auto *rows = new QWidget;
    m_rowsLayout = new QVBoxLayout(rows);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(rows);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(scroll);
    m_scroll = scroll;
    setVisible(false);

    connect(uploads, &FileTransfers::uploadAdded, this, [this](const QString &id) {
        updateUpload(id);
        show();
    });
    connect(uploads, &FileTransfers::uploadChanged, this, &TransfersPanel::updateUpload);
    connect(downloads, &Downloads::added, this, [this](const QString &id) {
        updateDownload(id);
        show();
    });
    connect(downloads, &Downloads::changed, this, &TransfersPanel::updateDownload);
}

QString TransfersPanel::reasonText(const QString &code, qint64 maxBytes)
{
    if (code == u"files_off"_s || code == u"unknown_type"_s)
        return tr("This room does not take files.");
    if (code == u"file_too_big"_s)
        return maxBytes > 0 ? tr("The file is larger than this room takes (at most %1).")
                                      .arg(FileText::size(maxBytes))
                            : tr("The file is larger than this room takes.");
    if (code == u"file_type"_s)
        return tr("This room does not take files of this type.");
    if (code == u"quota_full"_s)
        return tr("The room's space for files is full.");
    if (code == u"disk_full"_s)
        return tr("The host's disk is too full for this file.");
    if (code == u"no_such_person"_s)
        return tr("That person is no longer in the room.");
    if (code == u"sha256_mismatch"_s)
        return tr("The file arrived damaged (its SHA-256 does not match).");
    if (code == u"upload_gone"_s)
        return tr("The room no longer has this upload; send the file again.");
    if (code == u"bad_message"_s)
        return tr("The room did not understand the request.");
    if (code.startsWith(u"http_"_s))
        return tr("The room answered with error %1.").arg(code.mid(5));
    return code;
}

TransfersPanel::Row &TransfersPanel::row(const QString &key, const QString &name)
{
    auto it = m_rows.find(key);
    if (it != m_rows.end())
        return *it;
    Row row;
    row.widget = new QWidget;
    row.widget->setObjectName(u"transfer-"_s + key);
    auto *grid = new QGridLayout(row.widget);
    grid->setContentsMargins(0, 2, 0, 2);
    row.title = new QLabel(name, row.widget);
    row.title->setTextFormat(Qt::PlainText);
    row.title->setObjectName(u"transferName"_s);
    row.status = new QLabel(row.widget);
    row.status->setTextFormat(Qt::PlainText);
    row.status->setObjectName(u"transferStatus"_s);
    row.progress = new QProgressBar(row.widget);
    row.progress->setRange(0, 100);
    row.progress->setTextVisible(false);
    row.progress->setMaximumHeight(row.status->fontMetrics().height() / 2 + 4);
    row.cancel = new QPushButton(tr("Cancel"), row.widget);
    row.cancel->setObjectName(u"cancelTransferButton"_s);
    row.show = new QPushButton(tr("Show in Folder"), row.widget);
    row.show->setObjectName(u"showInFolderButton"_s);
    row.show->setVisible(false);
    grid->addWidget(row.title, 0, 0);
    grid->addWidget(row.status, 0, 1, Qt::AlignRight);
    grid->addWidget(row.progress, 1, 0, 1, 2);
    grid->addWidget(row.cancel, 0, 2, 2, 1);
    grid->addWidget(row.show, 0, 3, 2, 1);
    grid->setColumnStretch(0, 1);
    m_rowsLayout->insertWidget(0, row.widget); // newest on top
    return *m_rows.insert(key, row);
}

void TransfersPanel::showStatus(Row &r, const QString &text, bool failed, bool active)
{
    r.status->setText(text);
    QPalette pal = r.status->palette();
    pal.setColor(QPalette::WindowText,
                 failed ? ChatStyle::failed(palette()) : palette().color(QPalette::WindowText));
    r.status->setPalette(pal);
    r.progress->setVisible(active);
    r.cancel->setVisible(active);
    // Room for a few rows; more scroll.
    int height = 0;
    for (int i = 0; i < std::min(MaxVisibleRows, m_rowsLayout->count() - 1); ++i)
        height += m_rowsLayout->itemAt(i)->widget()->sizeHint().height() + m_rowsLayout->spacing();
    m_scroll->setFixedHeight(height);
}

void TransfersPanel::updateUpload(const QString &id)
{
    const FileTransfers::Upload *upload = m_uploads->upload(id);
    if (!upload)
        return;
    Row &r = row(u"u"_s + id,
                 upload->to.isEmpty() ? tr("Sending %1").arg(upload->name)
                                      : tr("Sending %1 to %2").arg(upload->name, upload->to));
    r.progress->setValue(percent(upload->sent, upload->size));
    QString status;
    bool active = true;
    switch (upload->state) {
    case FileTransfers::State::Hashing:
        status = tr("Preparing…");
        break;
    case FileTransfers::State::Asking:
        status = tr("Waiting for the room…");
        break;
    case FileTransfers::State::Sending:
        status = tr("%1 of %2").arg(FileText::size(upload->sent), FileText::size(upload->size));
        break;
    case FileTransfers::State::Waiting:
        status = tr("Connection lost — resuming…");
        break;
    case FileTransfers::State::Done:
        status = tr("Sent");
        active = false;
        break;
    case FileTransfers::State::Failed:
        status = tr("Not sent: %1").arg(reasonText(upload->error, m_uploads->maxBytes()));
        active = false;
        break;
    case FileTransfers::State::Cancelled:
        status = tr("Cancelled");
        active = false;
        break;
    }
    showStatus(r, status, upload->state == FileTransfers::State::Failed, active);
    if (active && !r.cancel->property("wired").toBool()) {
        r.cancel->setProperty("wired", true);
        connect(r.cancel, &QPushButton::clicked, this, [this, id] { m_uploads->cancel(id); });
    }
}

void TransfersPanel::updateDownload(const QString &id)
{
    const Downloads::Download *download = m_downloads->download(id);
    if (!download)
        return;
    Row &r = row(u"d"_s + id, tr("Saving %1").arg(download->file.name));
    r.progress->setValue(percent(download->received, download->file.size));
    QString status;
    bool active = true;
    switch (download->state) {
    case Downloads::State::Running:
        status = tr("%1 of %2")
                         .arg(FileText::size(download->received),
                              FileText::size(download->file.size));
        break;
    case Downloads::State::Waiting:
        status = tr("Connection lost — resuming…");
        break;
    case Downloads::State::Verifying:
        status = tr("Checking…");
        break;
    case Downloads::State::Done:
        r.title->setText(QFileInfo(download->path).fileName());
        status = download->verified ? tr("Saved, SHA-256 checked") : tr("Saved");
        active = false;
        break;
    case Downloads::State::Failed:
        status = tr("Not saved: %1").arg(reasonText(download->error));
        active = false;
        break;
    case Downloads::State::Cancelled:
        status = tr("Cancelled");
        active = false;
        break;
    }
    showStatus(r, status, download->state == Downloads::State::Failed, active);
    if (!r.cancel->property("wired").toBool()) {
        r.cancel->setProperty("wired", true);
        connect(r.cancel, &QPushButton::clicked, this, [this, id] { m_downloads->cancel(id); });
        connect(r.show, &QPushButton::clicked, this, [this, id] {
            if (const Downloads::Download *d = m_downloads->download(id))
                Downloads::showInFolder(d->path);
        });
    }
    r.show->setVisible(download->state == Downloads::State::Done);
}
