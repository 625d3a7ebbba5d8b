/**
 * Goods that are not food: a machine, a device, a garment, furniture, a pan. A food word in a
 * message that names one of these is what the goods act on ("吸不起米粒", "煮的米饭夹生"),
 * not what was bought — unless the message says something only food suffers (expired,
 * mouldy, eaten, a stomach ache).
 */

/** Non-food goods as the buyer names them (both scripts are folded to Simplified before matching). */
export const NON_FOOD_GOODS =
  /机器人|(?<![司飞])机(?![票会场构关])|吸尘器|电饭煲|电器|电脑|笔记本|平板|耳机|音箱|音响|电视|冰箱|空调|风扇|风筒|充电宝|充电器|数据线|键盘|鼠标|显示器|相机|镜头|手表|手环|台灯|灯泡|灯具|吸顶灯|衣服|外套|羽绒服|毛衣|卫衣|衬衫|裤子|裙子|鞋|袜子|包包|背包|书包|钱包|沙发|桌子|椅子|床垫|衣柜|柜子|炒锅|平底锅|锅具|加湿器|净化器|热水器|马桶|花洒|水龙头|窗帘|被子|枕头|毯子|按摩垫|按摩椅|轮胎|车胎|米其林|玩具|积木|化妆品|口红|面霜|洗发水|沐浴露|vacuum|robot|phone|laptop|tablet|headphones?|earbuds|speaker|jacket|shoes?|sweater|kettle|lamp|blender|juicer|toaster|rice cooker|air fryer/i;

/** Words only food suffers: with these the food word is the goods even beside a container or a machine. */
export const FOOD_ONLY =
  /过期|变质|发霉|长毛|馊|异物|吃了|吃出|喝了|喝出|吃完|拉肚子|食物中毒|保质期|生产日期|不新鲜|腐烂|烂了|发臭|臭了|口感|难吃|expired|mou?ldy|rotten|food poisoning|best before|stomach/i;
