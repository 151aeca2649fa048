#include "pictureviewer.h"

#include <QBuffer>
#include <QDialogButtonBox>
#include <QImageReader>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

#include "filelog.h"

using namespace Qt::StringLiterals;

PictureViewer::PictureViewer(const FileInfo &file, const QUrl &pageUrl, QWidget *parent)
    : QDialog(parent)
    , m_file(file)
    , m_network(new QNetworkAccessManager(this))
{
    setObjectName(u"pictureViewer"_s);
    setWindowTitle(file.name);
    m_network->setProxy(QNetworkProxy::NoProxy);
    auto *layout = new QVBoxLayout(this);
    m_label = new QLabel(tr("Loading %1…").arg(file.name), this);
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setMinimumSize(200, 150);
    m_label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    layout->addWidget(m_label, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *save = buttons->addButton(tr("Save to Downloads"), QDialogButtonBox::ActionRole);
    connect(save, &QPushButton::clicked, this, [this] { Q_EMIT saveRequested(m_file); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    const QSize screen = this->screen() ? this->screen()->availableSize() * 3 / 4 : QSize(800, 600);
    QSize size = file.width > 0 ? QSize(file.width, file.height) : QSize(640, 480);
    resize(size.boundedTo(screen).expandedTo(QSize(320, 240)));

    QNetworkReply *reply = m_network->get(QNetworkRequest(pageUrl.resolved(QUrl(file.url))));
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64 total) {
        if (received > MaxBytes || total > MaxBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        QBuffer buffer;
        buffer.setData(reply->readAll());
        QImageReader reader(&buffer);
        reader.setAllocationLimit(512); // MiB, far above any photo, far below a bomb
        reader.setAutoTransform(true);
        if (reader.format() != "svg")
            m_image = reader.read();
        if (m_image.isNull()) {
            qCInfo(lcClientFiles) << "picture not shown:" << reply->errorString()
                                  << reader.errorString();
            m_label->setText(tr("The picture could not be shown."));
            return;
        }
        showImage();
        Q_EMIT loaded();
    });
}

void PictureViewer::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    showImage();
}

void PictureViewer::showImage()
{
    if (m_image.isNull())
        return;
    const qreal ratio = devicePixelRatioF();
    QSize fit = m_image.size();
    if (fit.width() > m_label->width() * ratio || fit.height() > m_label->height() * ratio)
        fit.scale(m_label->size() * ratio, Qt::KeepAspectRatio);
    QPixmap pixmap = QPixmap::fromImage(
            m_image.scaled(fit, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    pixmap.setDevicePixelRatio(ratio);
    m_label->setPixmap(pixmap);
}
